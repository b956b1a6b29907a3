## plugins/dates
