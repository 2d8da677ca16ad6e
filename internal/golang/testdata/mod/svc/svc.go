// Package svc has one finding of several rules; "é" makes byte and
// code-point columns differ.
package svc

import (
	"fmt"
	"net/http"
)

func Orders(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", "*")
	s := "é"; fmt.Println(s)
}
