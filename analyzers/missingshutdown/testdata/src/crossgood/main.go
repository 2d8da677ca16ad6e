package main

import (
	"context"
	"os/signal"
	"syscall"

	"example.com/server"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	_ = server.Run(ctx)
}
