-- InnoScheck.Ruhr is offered only in the 15 cities and districts of the Ruhr region (Regionalverband Ruhr), not in
-- all of NRW: Duisburg 05112, Essen 05113, Mülheim an der Ruhr 05117, Oberhausen 05119, Kreis Wesel 05170,
-- Bottrop 05512, Gelsenkirchen 05513, Kreis Recklinghausen 05562, Bochum 05911, Dortmund 05913, Hagen 05914,
-- Hamm 05915, Herne 05916, Ennepe-Ruhr-Kreis 05954, Kreis Unna 05978 (checked against plz/zuordnung_plz_ort.csv).
-- Only while the region is still the seed's all-NRW '05', so that an admin's own change is kept.
UPDATE funding_programme
   SET region_ags = '05112,05113,05117,05119,05170,05512,05513,05562,05911,05913,05914,05915,05916,05954,05978'
 WHERE id = 'innoscheck-ruhr' AND region_ags = '05';
