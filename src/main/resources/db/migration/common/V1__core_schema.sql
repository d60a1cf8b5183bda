-- One schema for H2 and PostgreSQL: only types and syntax both accept.

create sequence patient_seq start with 1 increment by 50;
create sequence observation_seq start with 1 increment by 50;
create sequence user_seq start with 1 increment by 1;
-- MRN numbers: never reused, even when a registration is rolled back.
create sequence mrn_seq start with 100001 increment by 1;

create table user_account (
    id bigint primary key,
    version bigint not null,
    username varchar(50) not null unique,
    display_name varchar(100) not null,
    role varchar(10) not null,
    password_hash varchar(200) not null,
    failed_attempts integer not null,
    locked_until timestamp(6) with time zone,
    active boolean not null,
    created_at timestamp(6) with time zone not null
);

create table patient (
    id bigint primary key,
    version bigint not null,
    mrn varchar(20) not null unique,
    given_name varchar(100) not null,
    family_name varchar(100) not null,
    given_name_ar varchar(100),
    family_name_ar varchar(100),
    birth_date date not null,
    sex varchar(10) not null,
    phone varchar(50),
    email varchar(200),
    address varchar(500),
    photo bytea,
    notes varchar(4000),
    created_by varchar(50) not null,
    created_at timestamp(6) with time zone not null,
    updated_by varchar(50) not null,
    updated_at timestamp(6) with time zone not null
);
create index patient_birth_date_idx on patient (birth_date);

create table patient_emergency_contact (
    patient_id bigint not null references patient (id) on delete cascade,
    position integer not null,
    name varchar(200) not null,
    relationship varchar(100),
    phone varchar(50) not null,
    primary key (patient_id, position)
);

create table patient_identifier (
    patient_id bigint not null references patient (id) on delete cascade,
    position integer not null,
    id_system varchar(100) not null,
    id_value varchar(100) not null,
    primary key (patient_id, position)
);

-- Normalised search words (lower case, accents and Arabic diacritics removed, phone digits),
-- so that search-as-you-type is an index range scan even with 100k patients.
create table patient_search_token (
    patient_id bigint not null references patient (id) on delete cascade,
    token varchar(100) not null,
    primary key (token, patient_id)
);
create index patient_search_token_patient_idx on patient_search_token (patient_id);

create table observation (
    id bigint primary key,
    patient_id bigint not null references patient (id),
    entry_id varchar(36) not null,
    panel_code varchar(20),
    code varchar(20) not null,
    value_decimal numeric(12, 3) not null,
    unit varchar(20) not null,
    effective_at timestamp(6) with time zone not null,
    recorded_at timestamp(6) with time zone not null,
    recorded_by varchar(50) not null,
    source varchar(100) not null,
    raw_payload varchar(4000),
    flag varchar(10) not null,
    note varchar(1000)
);
create index observation_patient_time_idx on observation (patient_id, effective_at);

create table audit_entry (
    seq bigint primary key,
    occurred_at timestamp(6) with time zone not null,
    username varchar(50) not null,
    workstation varchar(100) not null,
    action varchar(30) not null,
    entity_type varchar(30),
    entity_id varchar(50),
    detail varchar(2000),
    prev_hash varchar(64) not null,
    hash varchar(64) not null
);
create index audit_entry_time_idx on audit_entry (occurred_at);

-- The chain head is locked by every append, so that workstations sharing one database extend
-- a single chain one row at a time.
create table audit_chain_head (
    id integer primary key,
    last_seq bigint not null,
    last_hash varchar(64) not null
);
insert into audit_chain_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
