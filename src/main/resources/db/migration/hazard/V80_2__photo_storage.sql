-- Photos are JPEG/PNG/WebP, already compressed: store them out of line without trying pglz on every insert.
alter table hazard.photos alter column content set storage external;
