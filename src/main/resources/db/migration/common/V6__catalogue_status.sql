-- Regions and accelerators say how sure they are, like facts.
alter table region add column status varchar(16) not null default 'assumption';
alter table accelerator add column status varchar(16) not null default 'assumption';
