package main

import (
	"context"
	"testing"
)

// Tests calling set-up code do not make it per-request code.
func TestSetup(t *testing.T) { setup(context.Background()) }
