## core/text: see the module's sources.
