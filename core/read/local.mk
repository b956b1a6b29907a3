## core/read: see the module's sources.
