## plugins/quotes
