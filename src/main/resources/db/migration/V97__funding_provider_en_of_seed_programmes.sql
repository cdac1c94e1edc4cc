-- The seed programmes' providers in English (V96), only where the German text is still the seed's: an admin's own
-- change is kept, and no English text says something else than it. Data only, apart from V96's DDL (a migration that
-- failed half-way after a DDL could not be rolled back on MySQL).
UPDATE funding_programme SET provider_en = 'Federal Ministry for Economic Affairs and Energy (BMWE)'
 WHERE id IN ('zim', 'go-inno') AND provider = 'Bundesministerium für Wirtschaft und Energie (BMWE)';
UPDATE funding_programme SET provider_en = 'State of North Rhine-Westphalia (MWIKE), administered by NRW.BANK'
 WHERE id = 'mid-digitalisierung' AND provider = 'Land Nordrhein-Westfalen (MWIKE), Abwicklung durch die NRW.BANK';
UPDATE funding_programme SET provider_en = 'State of North Rhine-Westphalia (MWIKE), project management agency Jülich'
 WHERE id = 'mid-innovation' AND provider = 'Land Nordrhein-Westfalen (MWIKE), Projektträger Jülich';
UPDATE funding_programme SET provider_en = 'NRW.BANK'
 WHERE id = 'nrw-bank-digitalisierung-innovation' AND provider = 'NRW.BANK';
UPDATE funding_programme SET provider_en = 'KfW on behalf of the Federal Ministry for Economic Affairs and Energy'
 WHERE id = 'kfw-erp-foerderkredit-digitalisierung'
   AND provider = 'KfW im Auftrag des Bundesministeriums für Wirtschaft und Energie';
UPDATE funding_programme SET provider_en = 'In|Die RegionRuhr – the business development agencies of Bochum, Dortmund and Hagen'
 WHERE id = 'innoscheck-ruhr' AND provider = 'In|Die RegionRuhr – Wirtschaftsförderungen Bochum, Dortmund und Hagen';
UPDATE funding_programme SET provider_en = 'Mittelstand-Digital Center Ruhr-OWL (Fraunhofer IML and others), funded by the Federal Ministry for Economic Affairs and Energy'
 WHERE id = 'mittelstand-digital-zentrum-ruhr-owl'
   AND provider = 'Mittelstand-Digital Zentrum Ruhr-OWL (Fraunhofer IML u. a.), gefördert vom Bundesministerium für Wirtschaft und Energie';
UPDATE funding_programme SET provider_en = 'Federal Ministry for Economic Affairs and Climate Action (BMWK)'
 WHERE id IN ('digital-jetzt', 'go-digital') AND provider = 'Bundesministerium für Wirtschaft und Klimaschutz (BMWK)';
