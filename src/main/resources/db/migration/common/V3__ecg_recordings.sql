-- ECG recordings with their stored analysis. One schema for H2 and PostgreSQL, as V1.
-- There is no visit table: a visit is the patient's sitting at one workstation at one time, so a recording
-- carries patient_id, recorded_at and workstation (as an observation's sitting is its entry_id).

create sequence ecg_recording_seq start with 1 increment by 1;

create table ecg_recording (
    id bigint primary key,
    version bigint not null,
    patient_id bigint not null references patient (id),
    recorded_at timestamp(6) with time zone not null,
    stored_at timestamp(6) with time zone not null,
    kind varchar(20) not null,
    -- device id, or "import:<file name>"
    source varchar(200) not null,
    record_name varchar(200) not null,
    workstation varchar(100) not null,
    recorded_by varchar(50) not null,
    sampling_frequency double precision not null,
    sample_count integer not null,
    lead_count integer not null,
    -- the analysis as computed when the recording was stored (never recomputed), and the version of that algorithm
    analysis_json varchar(10000000) not null,
    algorithm_version varchar(1000) not null,
    heart_rate integer,
    -- null until a doctor confirms; the three are set together
    interpretation varchar(4000),
    confirmed_by varchar(50),
    confirmed_at timestamp(6) with time zone,
    constraint ecg_recording_review_complete check (
        (interpretation is null and confirmed_by is null and confirmed_at is null)
        or (interpretation is not null and confirmed_by is not null and confirmed_at is not null))
);
create index ecg_recording_patient_time_idx on ecg_recording (patient_id, recorded_at);
create index ecg_recording_review_idx on ecg_recording (confirmed_at, recorded_at);

-- One row per lead: the integer samples exactly as recorded, compressed by EcgSampleCodec, with the scale that
-- turns them into physical units.
create table ecg_lead (
    recording_id bigint not null references ecg_recording (id) on delete cascade,
    lead_index integer not null,
    label varchar(50) not null,
    gain double precision not null,
    baseline integer not null,
    unit varchar(10) not null,
    samples bytea not null,
    primary key (recording_id, lead_index)
);

-- The analysis's coded values (intervals, heart rate), so they can be queried and trended without reading JSON.
create table ecg_measurement (
    recording_id bigint not null references ecg_recording (id) on delete cascade,
    position integer not null,
    loinc_code varchar(20) not null,
    name varchar(50) not null,
    method varchar(50) not null,
    value_decimal numeric(12, 3) not null,
    unit varchar(20) not null,
    primary key (recording_id, position)
);
