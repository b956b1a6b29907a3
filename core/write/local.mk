## core/write: see the module's sources.
