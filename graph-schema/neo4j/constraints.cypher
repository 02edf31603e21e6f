// Generated from graph-schema/ by `assettrace schema neo4j`; do not edit by hand.
// Neo4j 5 syntax. One label per node kind; relationship types are the edge kind codes.

CREATE CONSTRAINT address_id IF NOT EXISTS FOR (n:Address) REQUIRE n.id IS UNIQUE;
CREATE INDEX address_name IF NOT EXISTS FOR (n:Address) ON (n.name);
CREATE CONSTRAINT aircraft_id IF NOT EXISTS FOR (n:Aircraft) REQUIRE n.id IS UNIQUE;
CREATE INDEX aircraft_name IF NOT EXISTS FOR (n:Aircraft) ON (n.name);
CREATE INDEX aircraft_registrationMark IF NOT EXISTS FOR (n:Aircraft) ON (n.registrationMark);
CREATE CONSTRAINT bank_account_id IF NOT EXISTS FOR (n:BankAccount) REQUIRE n.id IS UNIQUE;
CREATE INDEX bank_account_name IF NOT EXISTS FOR (n:BankAccount) ON (n.name);
CREATE INDEX bank_account_iban IF NOT EXISTS FOR (n:BankAccount) ON (n.iban);
CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE INDEX company_name IF NOT EXISTS FOR (n:Company) ON (n.name);
CREATE INDEX company_registrationNumber IF NOT EXISTS FOR (n:Company) ON (n.registrationNumber);
CREATE CONSTRAINT crypto_wallet_id IF NOT EXISTS FOR (n:CryptoWallet) REQUIRE n.id IS UNIQUE;
CREATE INDEX crypto_wallet_name IF NOT EXISTS FOR (n:CryptoWallet) ON (n.name);
CREATE INDEX crypto_wallet_publicKey IF NOT EXISTS FOR (n:CryptoWallet) ON (n.publicKey);
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX person_personalId IF NOT EXISTS FOR (n:Person) ON (n.personalId);
CREATE CONSTRAINT real_estate_id IF NOT EXISTS FOR (n:RealEstate) REQUIRE n.id IS UNIQUE;
CREATE INDEX real_estate_name IF NOT EXISTS FOR (n:RealEstate) ON (n.name);
CREATE INDEX real_estate_titleNumber IF NOT EXISTS FOR (n:RealEstate) ON (n.titleNumber);
CREATE CONSTRAINT securities_id IF NOT EXISTS FOR (n:Securities) REQUIRE n.id IS UNIQUE;
CREATE INDEX securities_name IF NOT EXISTS FOR (n:Securities) ON (n.name);
CREATE INDEX securities_isin IF NOT EXISTS FOR (n:Securities) ON (n.isin);
CREATE CONSTRAINT vehicle_id IF NOT EXISTS FOR (n:Vehicle) REQUIRE n.id IS UNIQUE;
CREATE INDEX vehicle_name IF NOT EXISTS FOR (n:Vehicle) ON (n.name);
CREATE INDEX vehicle_registrationNumber IF NOT EXISTS FOR (n:Vehicle) ON (n.registrationNumber);
CREATE CONSTRAINT vessel_id IF NOT EXISTS FOR (n:Vessel) REQUIRE n.id IS UNIQUE;
CREATE INDEX vessel_name IF NOT EXISTS FOR (n:Vessel) ON (n.name);
CREATE INDEX vessel_imoNumber IF NOT EXISTS FOR (n:Vessel) ON (n.imoNumber);

CREATE CONSTRAINT associate_of_id IF NOT EXISTS FOR ()-[r:ASSOCIATE_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT beneficial_owner_of_id IF NOT EXISTS FOR ()-[r:BENEFICIAL_OWNER_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT controls_id IF NOT EXISTS FOR ()-[r:CONTROLS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT director_of_id IF NOT EXISTS FOR ()-[r:DIRECTOR_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT family_of_id IF NOT EXISTS FOR ()-[r:FAMILY_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT holds_account_id IF NOT EXISTS FOR ()-[r:HOLDS_ACCOUNT]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT intermediary_of_id IF NOT EXISTS FOR ()-[r:INTERMEDIARY_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT nominee_for_id IF NOT EXISTS FOR ()-[r:NOMINEE_FOR]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT owns_id IF NOT EXISTS FOR ()-[r:OWNS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT registered_at_id IF NOT EXISTS FOR ()-[r:REGISTERED_AT]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT transferred_to_id IF NOT EXISTS FOR ()-[r:TRANSFERRED_TO]-() REQUIRE r.id IS UNIQUE;
