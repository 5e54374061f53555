# syntax=docker/dockerfile:1
#
# Research Portal image: builds the Spring Boot jar (`package` makes Vaadin's production build), then runs it
# on a JRE as a non-root user. Build: docker build -t research-portal .  (or docker compose build)

# ---- build stage ------------------------------------------------------------------------------
FROM eclipse-temurin:25-jdk AS build
WORKDIR /workspace

# The wrapper downloads Maven itself (the Temurin image has no curl/wget; mvnw falls back to Java).
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
COPY frontend frontend
COPY config config

# The Maven repository is a BuildKit cache, so rebuilds do not download every dependency again.
# The jar is copied out of target/ in the same step (exactly one; the *.jar.original left by repackaging does not match).
RUN --mount=type=cache,target=/root/.m2 \
    chmod +x mvnw \
    && VAADIN_USAGE_STATS_ENABLED=false ./mvnw -B -DskipTests package \
    && set -- target/*.jar \
    && if [ "$#" -ne 1 ]; then echo "expected exactly one jar in target/, found: $*" >&2; exit 1; fi \
    && mkdir -p /out \
    && cp "$1" /out/portal.jar

# ---- run stage --------------------------------------------------------------------------------
FROM eclipse-temurin:25-jre

# A fixed, unprivileged system user; the jar stays root-owned and read-only for it.
RUN groupadd --system portal \
    && useradd --system --gid portal --home-dir /app --no-create-home --shell /usr/sbin/nologin portal \
    && mkdir -p /app/data \
    && chown portal:portal /app/data

WORKDIR /app
COPY --from=build /out/portal.jar /app/portal.jar

# Size the heap from the container's memory limit; override with -e JAVA_TOOL_OPTIONS=...
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"

USER portal
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/portal.jar"]
