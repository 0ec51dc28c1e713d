# Shared by the benchmarks that run the production package on PostgreSQL (vote.sh,
# rehearsal.sh): source it from the repository root, then
#   build_pg_package            builds target/quarkus-app-pg when a source is newer than it
#   image_jvm                   sets $server_java and $java_opts: the JVM the image runs
#   image_aot_cache             trains $app/app.aot as the image's build does, when missing or
#                               stale, and sets $aot_opts (empty where no cache can be used)
# so that a benchmark measures the server as deploy/Dockerfile ships it.
app=target/quarkus-app-pg

psql_admin() { # trust auth over TCP, else the postgres OS user (as ./hopso does)
  psql -h 127.0.0.1 -U postgres -d postgres -w -qtAc "$1" 2>/dev/null ||
    (cd / && su postgres -c "psql -d postgres -qtAc \"$1\"")
}
fresh_database() {
  psql_admin "drop database if exists $1" >/dev/null
  psql_admin "create database $1 owner hopso encoding 'UTF8' template template0" >/dev/null
}

# The package built for PostgreSQL (the database kind is fixed at build time), as `./mvnw verify`
# builds it for the integration tests; rebuilt when a source is newer.
build_pg_package() {
  if [ ! -f $app/quarkus-run.jar ] ||
    [ -n "$(find src pom.xml -newer $app/quarkus-run.jar -print -quit)" ]; then
    echo "building the PostgreSQL package…" >&2
    rm -rf target/classes/db # a migration renamed since the last build must not linger
    ./mvnw -B -q -DskipTests -Dskip.frontend package -Dquarkus.datasource.db-kind=postgresql \
      -Dquarkus.package.output-directory=quarkus-app-pg -Dquarkus.package.jar.appcds.enabled=false
  fi
}

# The image's JVM: a JDK 25 or newer (the image is Temurin 25; BENCH_SERVER_JAVA names another)
# with the Dockerfile's JAVA_OPTS (BENCH_JAVA_OPTS replaces them). On an older JDK the options that
# it does not know are left out, and the run is not the image's: it says so.
image_jvm() {
  server_java=${BENCH_SERVER_JAVA:-$(./hopso jdk)}
  java_opts=${BENCH_JAVA_OPTS:-$(sed -nE 's/^ARG JAVA_OPTS="([^"]*)".*/\1/p' deploy/Dockerfile)}
  if [ "$(./hopso jdk-major "$server_java")" -lt 25 ] 2>/dev/null; then
    java_opts=${java_opts//--sun-misc-unsafe-memory-access=allow/}
    echo "note: $server_java is older than the image's JDK 25: no AOT cache, not the image's server" >&2
  fi
}

# The image's AOT cache (deploy/train-aot.sh, as the image's build runs it), made for this JVM,
# these options, this package and this training (the script and its generator); kept in $app
# and made again when any of them changed. BENCH_AOT=0 measures without it.
image_aot_cache() {
  aot_opts=
  [ "${BENCH_AOT:-1}" = 1 ] || return 0
  [ "$(./hopso jdk-major "$server_java")" -ge 25 ] 2>/dev/null || return 0
  local training
  training=$(cat deploy/train-aot.sh bench/VoteBench.java | sha256sum | cut -c1-16)
  local stamp="$server_java $java_opts $(stat -c %Y $app/quarkus-run.jar) training $training"
  if [ ! -s $app/app.aot ] || [ "$(cat $app/app.aot.made-by 2>/dev/null)" != "$stamp" ]; then
    rm -f $app/app.aot $app/app.aot.made-by
    fresh_database hopso_aot_training
    JAVA_OPTS="$java_opts" \
      QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/hopso_aot_training \
      QUARKUS_DATASOURCE_USERNAME=hopso QUARKUS_DATASOURCE_PASSWORD=hopso \
      deploy/train-aot.sh $app "$server_java"
    psql_admin "drop database if exists hopso_aot_training" >/dev/null
    echo "$stamp" >$app/app.aot.made-by
  fi
  aot_opts="-XX:AOTCache=app.aot"
}
