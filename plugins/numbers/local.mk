## plugins/numbers
