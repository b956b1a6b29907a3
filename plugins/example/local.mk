## plugins/example
