-- What would it take: for a late answer, the cheapest set of lever changes that puts every phase on time
-- (or what comes closest), in words, with its date and cost.
alter table report_row add column cheapest_fix varchar(1000);
