package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	port := os.Getenv("PORT")
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {})
	log.Fatal(http.ListenAndServe(":"+port, nil)) // want `XY006 missing-shutdown: main serves HTTP without graceful shutdown: no SIGTERM handling \(signal.NotifyContext\) and no \(\*http.Server\).Shutdown`
}
