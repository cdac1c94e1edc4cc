-- Digitalcheck 4.0: seed data for funding programmes (Förderprogramme).
-- region_ags: AGS prefix where the programme is offered ('' = all of Germany, '05' = NRW).
-- dimensions: dimension ids the programme helps with; offered when the company's level in
-- one of them is <= max_level. valid_until NULL = open-ended; programmes whose valid_until
-- lies in the past (Digital Jetzt, go-digital, MID-Innovation) must never be offered.
-- Facts as researched in November 2026; re-check dates and URLs when updating this list.
INSERT INTO funding_programme
  (id, name_de, name_en, provider, summary_de, summary_en, url, region_ags, dimensions, max_level, sme_only, valid_from, valid_until)
VALUES
  ('zim',
   'Zentrales Innovationsprogramm Mittelstand (ZIM)',
   'Central Innovation Programme for SMEs (ZIM)',
   'Bundesministerium für Wirtschaft und Energie (BMWE)',
   'Zuschüsse für marktorientierte Forschungs- und Entwicklungsprojekte zu neuen Produkten, Verfahren oder technischen Dienstleistungen – allein, mit Partnerunternehmen oder mit Forschungseinrichtungen. Branchen- und technologieoffen; für Unternehmen mit weniger als 500 Beschäftigten.',
   'Grants for market-oriented research and development projects on new products, processes or technical services – on your own, with partner companies or with research institutions. Open to all sectors and technologies; for companies with fewer than 500 employees.',
   'https://www.zim.de/',
   '', 'strategy,products,services', 4, FALSE, DATE '2025-01-01', NULL),

  ('go-inno',
   'BMWE-Innovationsgutscheine (go-inno)',
   'BMWE innovation vouchers (go-inno)',
   'Bundesministerium für Wirtschaft und Energie (BMWE)',
   'Zuschuss zu externer Innovationsberatung durch autorisierte Beratungsunternehmen: Potenzialanalyse und Realisierungskonzept für Produkt- oder technische Verfahrensinnovationen. Für Unternehmen mit weniger als 100 Beschäftigten und höchstens 20 Mio. € Umsatz.',
   'Grant towards external innovation consulting by authorized consultancies: potential analysis and implementation concept for product or technical process innovations. For companies with fewer than 100 employees and at most €20 million in revenue.',
   'https://www.innovation-beratung-foerderung.de/INNO/Navigation/DE/go-inno/go-inno.html',
   '', 'strategy,products', 2, TRUE, DATE '2021-01-01', NULL),

  ('mid-digitalisierung',
   'Mittelstand Innovativ & Digital (MID) – MID-Digitalisierung',
   'Mittelstand Innovativ & Digital (MID) – MID-Digitalisierung',
   'Land Nordrhein-Westfalen (MWIKE), Abwicklung durch die NRW.BANK',
   'Zuschuss für KMU mit Sitz in NRW, die mit externen Dienstleistern marktfähige digitale Produkte entwickeln oder wesentlich verbessern, z. B. mit KI, maschinellem Lernen, Data Mining, Echtzeitverarbeitung oder AR/VR. Vergabe über ein monatliches Losverfahren.',
   'Grant for SMEs based in NRW that develop or substantially improve marketable digital products with external service providers, e.g. using AI, machine learning, data mining, real-time processing or AR/VR. Awarded through a monthly lottery.',
   'https://www.nordrhein-westfalen-foerdert.nrw/foerdermassnahmen/mittelstand-innovativ-digital-mid-digitalisierung-2026',
   '05', 'products,services', 3, TRUE, DATE '2026-01-01', DATE '2029-12-31'),

  ('mid-innovation',
   'Mittelstand Innovativ & Digital (MID) – MID-Innovation',
   'Mittelstand Innovativ & Digital (MID) – MID-Innovation',
   'Land Nordrhein-Westfalen (MWIKE), Projektträger Jülich',
   'Gutschein für umsetzungsorientierte Forschung und Entwicklung durch Hochschulen und Forschungseinrichtungen, z. B. Prototypen und Erprobung, für KMU in NRW. Seit dem 1. Juli 2025 können keine Anträge mehr gestellt werden.',
   'Voucher for implementation-oriented research and development by universities and research institutions, e.g. prototypes and testing, for SMEs in NRW. Applications have been closed since 1 July 2025.',
   'https://www.ptj.de/projektfoerderung/mittelstand-innovativ-digital/mid-gutscheine',
   '05', 'strategy,products,services', 3, TRUE, DATE '2020-06-01', DATE '2025-06-30'),

  ('nrw-bank-digitalisierung-innovation',
   'NRW.BANK.Digitalisierung und Innovation',
   'NRW.BANK Digitalization and Innovation loan',
   'NRW.BANK',
   'Zinsgünstiges Darlehen über die Hausbank für Digitalisierungs- und Innovationsvorhaben mit Investitionsort in NRW, z. B. Vernetzung von ERP und Produktion, digitale Plattformen, Cloud- oder IT-Sicherheitskonzepte. Finanzierung bis zu 100 %, optional mit Haftungsfreistellung.',
   'Low-interest loan via your principal bank for digitalization and innovation projects located in NRW, e.g. linking ERP and production, digital platforms, cloud or IT security concepts. Up to 100% financing, optionally with a partial release from liability for the bank.',
   'https://www.nrwbank.de/de/foerderung/foerderprodukte/15914/produktdetail.html',
   '05', 'strategy,factory,operations,products', 4, FALSE, DATE '2018-09-01', NULL),

  ('kfw-erp-foerderkredit-digitalisierung',
   'ERP-Förderkredit Digitalisierung (KfW 511/512)',
   'ERP Development Loan for Digitalization (KfW 511/512)',
   'KfW im Auftrag des Bundesministeriums für Wirtschaft und Energie',
   'Zinsgünstiger Kredit über die Hausbank für Digitalisierungsvorhaben – Hard- und Software, digitale Geschäftsmodelle, KI – in drei Stufen, ab Stufe 2 mit Zuschuss. Ersetzt seit 1. Juli 2025 den ERP-Digitalisierungs- und Innovationskredit. Für Unternehmen bis 500 Mio. € Gruppenumsatz.',
   'Low-interest loan via your principal bank for digitalization projects – hardware and software, digital business models, AI – in three tiers, with a grant from tier 2. Replaced the ERP Digitalization and Innovation Loan on 1 July 2025. For companies with group revenue up to €500 million.',
   'https://www.nrwbank.de/de/foerderung/foerderprodukte/60323/erp-foerderkredit-digitalisierung.html',
   '', 'factory,operations,services', 4, FALSE, DATE '2025-07-01', NULL),

  ('innoscheck-ruhr',
   'InnoScheck.Ruhr',
   'InnoScheck.Ruhr innovation voucher',
   'In|Die RegionRuhr – Wirtschaftsförderungen Bochum, Dortmund und Hagen',
   'Gutschein für rund fünf Tage externe Fachberatung (Wert bis ca. 5.000 €) zu Innovations- und Digitalisierungsvorhaben für kleine und mittlere Unternehmen im Ruhrgebiet. Beratung und Antrag über den Innovationscoach Ihrer Wirtschaftsförderung.',
   'Voucher for about five days of external specialist consulting (worth up to approx. €5,000) on innovation and digitalization projects for small and medium-sized companies in the Ruhr region. Advice and application via the innovation coach at your business development agency.',
   'https://www.regionruhr.de/',
   '05', 'strategy,factory,operations', 2, TRUE, DATE '2016-04-01', NULL),

  ('mittelstand-digital-zentrum-ruhr-owl',
   'Mittelstand-Digital Zentrum Ruhr-OWL',
   'Mittelstand-Digital Center Ruhr-OWL',
   'Mittelstand-Digital Zentrum Ruhr-OWL (Fraunhofer IML u. a.), gefördert vom Bundesministerium für Wirtschaft und Energie',
   'Kostenfreie Unterstützung für KMU: Labtouren, Potenzialanalysen, Schulungen und Praxisprojekte zu KI, Internet der Dinge, Plattformen und Digitalstrategie. Teil des bundesweiten Netzwerks Mittelstand-Digital mit Schwerpunkt Ruhrgebiet und Ostwestfalen-Lippe.',
   'Free support for SMEs: lab tours, potential analyses, training and hands-on projects on AI, the Internet of Things, platforms and digital strategy. Part of the nationwide Mittelstand-Digital network, focusing on the Ruhr region and Ostwestfalen-Lippe.',
   'https://www.mittelstand-digital-ruhr-owl.de/',
   '', 'strategy,factory,operations,employees', 3, TRUE, DATE '2021-07-01', NULL),

  ('digital-jetzt',
   'Digital Jetzt – Investitionsförderung für KMU',
   'Digital Jetzt – investment support for SMEs',
   'Bundesministerium für Wirtschaft und Klimaschutz (BMWK)',
   'Zuschüsse für Investitionen in digitale Technologien und in die Qualifizierung der Beschäftigten für Unternehmen mit 3 bis 499 Beschäftigten. Die Förderrichtlinie ist am 31. Dezember 2023 ausgelaufen; Anträge sind nicht mehr möglich.',
   'Grants for investments in digital technologies and in staff training for companies with 3 to 499 employees. The funding guideline expired on 31 December 2023; applications are no longer possible.',
   'https://www.bmwk.de/Redaktion/DE/Artikel/Digitale-Welt/foerderprogramm-digital-jetzt.html',
   '', 'factory,operations,employees', 3, FALSE, DATE '2020-09-07', DATE '2023-12-31'),

  ('go-digital',
   'go-digital',
   'go-digital',
   'Bundesministerium für Wirtschaft und Klimaschutz (BMWK)',
   'Zuschuss von 50 % zu Beratung und Umsetzung durch autorisierte Beratungsunternehmen: Digitalisierungsstrategie, IT-Sicherheit, digitale Geschäftsprozesse, Datenkompetenz, Markterschließung. Für KMU mit weniger als 100 Beschäftigten. Seit 1. Januar 2025 nicht fortgeführt.',
   '50% grant towards consulting and implementation by authorized consultancies: digital strategy, IT security, digital business processes, data literacy, market development. For SMEs with fewer than 100 employees. Discontinued since 1 January 2025.',
   'https://www.innovation-beratung-foerderung.de/INNO/Redaktion/DE/Kurzmeldungen/Aktuelles/2024/240605_go-digital_richtlinie.html',
   '', 'strategy,operations,services', 2, TRUE, DATE '2017-07-01', DATE '2024-12-31');
