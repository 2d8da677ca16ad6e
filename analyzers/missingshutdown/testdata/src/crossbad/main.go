package main

import (
	"log"

	"example.com/server"
)

func main() {
	log.Print("starting")
	log.Fatal(server.Serve()) // want `main serves HTTP without graceful shutdown: no SIGTERM handling \(signal.NotifyContext\) and no \(\*http.Server\).Shutdown`
}
