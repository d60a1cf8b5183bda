-- The part of a site's structure a photograph shows, as DICOM's Anatomic Region Modifier: a SNOMED CT qualifier value
-- from DICOM PS3.16 CID 2 (e.g. "Superior" on the tongue's mucosa for its dorsum); null for the whole structure.
alter table lesion_image add column site_modifier_code varchar(20);
