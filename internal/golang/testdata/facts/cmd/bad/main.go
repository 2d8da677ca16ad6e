package main

import (
	"log"

	"example.com/facts/server"
)

func main() {
	log.Fatal(server.Serve())
}
