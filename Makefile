# Marquee: the two set-up commands are `make run` and `make test`.
MVNW := ./mvnw -B
JARS := api/target/api-exec.jar indexer/target/indexer-exec.jar local-stack/target/local-stack-exec.jar

.PHONY: run load test build clean

## run: Elasticsearch + templates + the sample catalogue + the API on http://localhost:8080 (Ctrl-C stops it all)
run: build
	java -jar local-stack/target/local-stack-exec.jar --port $(or $(PORT),8080)

## load DATA=<file-or-directory>: load more movies into the running stack
load:
	@test -n "$(DATA)" || { echo "usage: make load DATA=<file-or-directory>"; exit 2; }
	@test -f .local/elasticsearch.url || { echo "No running stack: start one with 'make run' in another terminal"; exit 1; }
	@test -f indexer/target/indexer-exec.jar || $(MVNW) -q install -DskipTests
	java -jar indexer/target/indexer-exec.jar load $(DATA) \
	  --spring.elasticsearch.uris=$$(cat .local/elasticsearch.url) --spring.profiles.active=plain-logs

## test: the whole suite, against real Elasticsearch (starts its own)
test:
	$(MVNW) verify

## build: the executable jars, without tests
build:
	$(MVNW) -q install -DskipTests

clean:
	$(MVNW) -q clean
	rm -rf .local
