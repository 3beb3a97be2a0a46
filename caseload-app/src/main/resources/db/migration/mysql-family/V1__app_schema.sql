-- The application's own data: users and grants, dashboards and their tiles, saved explorations,
-- and the audit log of analytics queries. Analytics data lives in the other database.
-- MySQL-family version: InnoDB, utf8mb4, timestamps as UTC datetimes (hibernate.jdbc.time_zone=UTC).
create table app_user (
    id            bigint not null auto_increment primary key,
    username      varchar(100) not null unique,
    password_hash varchar(200) not null,
    role          varchar(20)  not null,
    created_at    datetime(6) not null
) engine = InnoDB default charset = utf8mb4;

create table location_grant (
    user_id     bigint      not null,
    location_id varchar(64) not null,
    primary key (user_id, location_id),
    -- MySQL ignores column-level REFERENCES; only table-level foreign keys are enforced.
    foreign key (user_id) references app_user (id) on delete cascade
) engine = InnoDB default charset = utf8mb4;

create table dashboard (
    id         bigint not null auto_increment primary key,
    name       varchar(200) not null,
    owner      varchar(100) not null,
    created_at datetime(6) not null
) engine = InnoDB default charset = utf8mb4;

create table dashboard_tile (
    id           bigint not null auto_increment primary key,
    dashboard_id bigint        not null,
    position     int           not null,
    title        varchar(200)  not null,
    chart_type   varchar(20)   not null,
    request_json varchar(8000) not null,
    foreign key (dashboard_id) references dashboard (id) on delete cascade
) engine = InnoDB default charset = utf8mb4;

create table saved_exploration (
    id           bigint not null auto_increment primary key,
    name         varchar(200)  not null,
    owner        varchar(100)  not null,
    chart_type   varchar(20)   not null,
    request_json varchar(8000) not null,
    created_at   datetime(6) not null
) engine = InnoDB default charset = utf8mb4;

create table audit_entry (
    id          bigint not null auto_increment primary key,
    at          datetime(6) not null,
    username    varchar(100)  not null,
    request_id  varchar(40)   not null,
    source      varchar(20)   not null,
    metrics     varchar(1000) not null,
    dimensions  varchar(1000) not null,
    filters     varchar(2000) not null,
    row_count   bigint,
    duration_ms bigint        not null,
    sql_hash    varchar(64),
    error       varchar(1000)
) engine = InnoDB default charset = utf8mb4;
create index audit_entry_at on audit_entry (at);
