-- Dated exchange rates for converting asset valuations to USD.
CREATE TABLE exchange_rates (
    currency      text NOT NULL,
    on_date       date NOT NULL,
    usd_per_unit  numeric NOT NULL,
    source        text NOT NULL,
    PRIMARY KEY (currency, on_date)
);
