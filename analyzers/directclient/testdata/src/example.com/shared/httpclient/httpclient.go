// Package httpclient is the platform's pool: it builds the shared clients.
package httpclient

import (
	"net/http"
	"time"
)

func New() *http.Client { return &http.Client{Timeout: 10 * time.Second} }
