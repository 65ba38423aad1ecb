module pagingplayground

go 1.26

require github.com/stretchr/testify v1.12.1

require (
	github.com/evanw/esbuild v0.28.2 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	golang.org/x/sys v0.4.0 // indirect
)

tool github.com/evanw/esbuild/cmd/esbuild
