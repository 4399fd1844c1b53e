-- How a fact's value is uncertain within its range (blank: PERT; see facts/Spread.java).
alter table fact add column distribution varchar(100) default '' not null;
