package main

import (
	"fmt"
	"net/http"
)

func Guard(next http.Handler) http.Handler { return next }

func pay(w http.ResponseWriter, r *http.Request) {
	fmt.Println("paying")
}

func main() {
	http.HandleFunc("POST /pay", pay)
	if err := http.ListenAndServe(":8080", nil); err != nil {
		panic(err)
	}
}
