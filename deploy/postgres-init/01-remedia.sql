-- Creates Remedia's own role and database next to Temporal's; the image runs this only when the data volume is empty.
-- The password is read from the container's environment (psql 15+ \getenv) so it never lives in the repository.
\getenv remedia_password REMEDIA_DATABASE_PASSWORD
CREATE ROLE remedia LOGIN PASSWORD :'remedia_password';
CREATE DATABASE remedia OWNER remedia;
