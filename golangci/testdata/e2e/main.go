package main

import (
	"log"
	"net/http"

	"example.com/e2e/lib"
)

// Guard is the service's auth middleware (named in .golangci.yml).
func Guard(next http.Handler) http.Handler { return next }

func pay(w http.ResponseWriter, r *http.Request) {
	log.Printf("pay %s", r.URL.Path)
	log.Println("quiet") //nolint:xylint // kept on purpose
	lib.Open(w)
}

func main() {
	http.Handle("POST /pay", Guard(http.HandlerFunc(pay)))
	http.HandleFunc("POST /refund", pay)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
