-- The backtest projects a fact was derived from (ids separated by spaces; blank: none). See backtest/Backtest.java.
alter table fact add column projects varchar(400) default '' not null;
