package main

import (
	"net/http"

	"example.com/mod/svc"
)

func main() {
	http.HandleFunc("POST /orders", svc.Orders) //nolint:XY002 // internal only
	http.ListenAndServe(":8080", nil)
}
