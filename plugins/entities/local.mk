## plugins/entities
