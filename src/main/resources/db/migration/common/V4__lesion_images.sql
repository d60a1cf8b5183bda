-- Lesion photographs (oral, skin, dermoscopic) with their quality checks, the model's result and a doctor's review.
-- One schema for H2 and PostgreSQL, as V1 and V3. A visit is the patient's sitting: patient_id, taken_at and
-- workstation, as for ECG recordings.

create sequence lesion_image_seq start with 1 increment by 1;

create table lesion_image (
    id bigint primary key,
    version bigint not null,
    patient_id bigint not null references patient (id),
    taken_at timestamp(6) with time zone not null,
    workstation varchar(100) not null,
    taken_by varchar(50) not null,
    kind varchar(20) not null,
    -- SNOMED CT body structure concept and its term; the side for paired sites
    site_code varchar(20) not null,
    site_display varchar(200) not null,
    laterality varchar(10),
    -- "camera:<name>" or "import:<file name>"
    source varchar(200) not null,
    media_type varchar(50) not null,
    width integer not null,
    height integer not null,
    byte_count bigint not null,
    sha256 varchar(64) not null,
    thumbnail_png bytea not null,
    quality_json varchar(20000) not null,
    quality_passed boolean not null,
    quality_override_by varchar(50),
    quality_override_reason varchar(1000),
    -- the model's reading, null when no model read the picture: the label shown, and the calibrated probability of
    -- the positive label (e.g. melanoma) with the decision threshold that chose the label shown
    ai_label varchar(100),
    ai_positive_label varchar(100),
    ai_probability numeric(6, 5),
    ai_threshold numeric(6, 5),
    ai_model_name varchar(100),
    ai_model_version varchar(50),
    ai_model_sha256 varchar(64),
    ai_at timestamp(6) with time zone,
    -- a doctor's review, null until given
    review_label varchar(100),
    review_note varchar(4000),
    review_outcome varchar(20),
    reviewed_by varchar(50),
    reviewed_at timestamp(6) with time zone,
    constraint lesion_image_override_complete check (
        (quality_override_by is null and quality_override_reason is null)
        or (quality_override_by is not null and quality_override_reason is not null)),
    constraint lesion_image_failed_needs_override check (quality_passed or quality_override_reason is not null),
    constraint lesion_image_result_complete check (
        (ai_label is null and ai_positive_label is null and ai_probability is null and ai_threshold is null
            and ai_model_name is null and ai_model_version is null and ai_model_sha256 is null and ai_at is null)
        or (ai_label is not null and ai_positive_label is not null and ai_probability is not null
            and ai_threshold is not null and ai_model_name is not null and ai_model_version is not null
            and ai_model_sha256 is not null and ai_at is not null)),
    constraint lesion_image_probability_range check (ai_probability is null or (ai_probability >= 0 and ai_probability <= 1)),
    constraint lesion_image_threshold_range check (ai_threshold is null or (ai_threshold >= 0 and ai_threshold <= 1)),
    constraint lesion_image_review_complete check (
        (review_label is null and review_outcome is null and reviewed_by is null and reviewed_at is null)
        or (review_label is not null and review_outcome is not null and reviewed_by is not null
            and reviewed_at is not null))
);
create index lesion_image_patient_time_idx on lesion_image (patient_id, taken_at);
create index lesion_image_site_idx on lesion_image (patient_id, site_code, laterality, taken_at);
create index lesion_image_review_idx on lesion_image (reviewed_at, ai_at);

-- The picture as stored: lossless PNG of a camera frame, or an imported file's own bytes.
create table lesion_image_content (
    image_id bigint primary key references lesion_image (id) on delete cascade,
    media_type varchar(50) not null,
    data bytea not null
);
