# Marquee: the two set-up commands are `make run` and `make test`.
MVNW := ./mvnw -B
JARS := api/target/api-exec.jar indexer/target/indexer-exec.jar local-stack/target/local-stack-exec.jar

.PHONY: run load announce indexer prove-reindex bench test build clean

## run: Elasticsearch + templates + the sample catalogue + the API on http://localhost:8080 (Ctrl-C stops it all)
run: build
	java -jar local-stack/target/local-stack-exec.jar --port $(or $(PORT),8080)

## load DATA=<file-or-directory> [PROVIDER=wikipedia]: deliver movie files to the running stack through S3 and SQS
load:
	@test -n "$(DATA)" || { echo "usage: make load DATA=<file-or-directory> [PROVIDER=<provider-id>]"; exit 2; }
	@test -f .local/stack.env || { echo "No running stack: start one with 'make run' in another terminal"; exit 1; }
	java -jar local-stack/target/local-stack-exec.jar load $(DATA) $(or $(PROVIDER),wikipedia)

## announce KEY=incoming/<provider>/<file>: publish the S3 event of an object uploaded by other means (the AWS CLI)
announce:
	@test -n "$(KEY)" || { echo "usage: make announce KEY=incoming/<provider>/<file>"; exit 2; }
	java -jar local-stack/target/local-stack-exec.jar announce $(KEY)

## indexer ARGS="<command> [options]": run an indexer command against the running stack, e.g. ARGS="status",
## ARGS="reindex --from s3 --flip", ARGS="rollback", ARGS="prune --keep 2" (see docs/runbooks/reindex.md)
indexer:
	@test -n "$(ARGS)" || { echo 'usage: make indexer ARGS="status | reindex [--from s3|index] [--flip] [--dry-run] | flip | rollback | prune --keep K"'; exit 2; }
	@test -f .local/stack.env || { echo "No running stack: start one with 'make run' in another terminal"; exit 1; }
	java -jar local-stack/target/local-stack-exec.jar indexer $(ARGS)

## prove-reindex: the zero-downtime proof alone (full dataset, 200 requests/s, reindex ×2 + rollback); report in
## local-stack/target/zero-downtime-reindex.md
prove-reindex:
	$(MVNW) install -DskipTests -q
	$(MVNW) test -pl local-stack -Dtest=ZeroDowntimeReindexIntegrationTests -Dsurefire.failIfNoSpecifiedTests=false
	@cat local-stack/target/zero-downtime-reindex.md

## bench [DATA=…] [RATES=200,1000,3000] [DURATION=20]: the benchmark on the local stack with the full dataset
## (needs wrk, nginx and jcmd: apt-get install -y wrk nginx openjdk-17-jdk-headless); results in bench/results/<date>.md.
## bench SCALE=1000000 [SEED=1] [ES_HEAP=2g]: the scale curve instead (the real set, ten times it, SCALE movies);
## results in bench/results/<date>-scale.md
bench:
	bench/run.sh

## test: the whole suite, against real Elasticsearch (starts its own), with the deploy checks and the images as tarballs
test:
	$(MVNW) verify -Poffline-images

## build: the executable jars, without tests
build:
	$(MVNW) -q install -DskipTests

clean:
	$(MVNW) -q clean
	rm -rf .local
