-- Dated exchange rates for converting asset valuations to USD.
CREATE TABLE exchange_rates (
    currency      TEXT NOT NULL,
    on_date       TEXT NOT NULL,
    usd_per_unit  NUMERIC NOT NULL,
    source        TEXT NOT NULL,
    PRIMARY KEY (currency, on_date)
);
