package main

import (
	"log"
	"net/http"
)

func main() {
	mux := http.NewServeMux()
	addr := ":8080"
	if err := http.ListenAndServe(addr, mux); err != nil { // want `main serves HTTP without graceful shutdown`
		log.Printf("serve: %v", err)
		if err.Error() != "" {
			log.Fatal("exiting")
		}
	}
}
