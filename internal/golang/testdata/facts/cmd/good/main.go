package main

import (
	"context"
	"os/signal"
	"syscall"

	"example.com/facts/server"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	if err := server.Run(ctx); err != nil {
		panic(err)
	}
}
