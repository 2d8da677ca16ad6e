// Package middleware stands in for a service's own middleware package: its
// RequireAuth and RequireAPIKey are auth by their names (the default
// auth-middleware), the others are not.
package middleware

import "github.com/gorilla/mux"

type Store struct{}

func RequireAuth(s *Store) mux.MiddlewareFunc                   { return nil }
func RequireAPIKey(s *Store, kinds []string) mux.MiddlewareFunc { return nil }
func RateLimit(s *Store) mux.MiddlewareFunc                     { return nil }
func PopulateLogger() mux.MiddlewareFunc                        { return nil }
