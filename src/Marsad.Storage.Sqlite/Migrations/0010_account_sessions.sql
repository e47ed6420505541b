-- Marsad schema, version 10: accounts whose sessions can be ended. Every sign-in cookie carries the account's
-- security stamp, checked on each request; signing out, a password or role change, revoking and disabling
-- draw a new stamp, so every cookie issued before stops working at once. A disabled account signs in no more
-- and its tokens fail.
ALTER TABLE users ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN disabled_at TEXT;
