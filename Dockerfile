# Build stage: compiles the reactor into api/target/remedia.jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build

# The poms are copied alone first so the dependency layer is reused until a pom changes.
COPY pom.xml ./
COPY workflows/pom.xml workflows/
COPY runbooks/pom.xml runbooks/
COPY activities/pom.xml activities/
COPY api/pom.xml api/
COPY cli/pom.xml cli/
COPY bench/pom.xml bench/
# The reactor's own modules are not installed yet, so this pre-fetch may fail part way; the package step below fetches the rest.
RUN mvn -B -q dependency:go-offline || true

COPY workflows/src workflows/src
COPY runbooks/src runbooks/src
COPY activities/src activities/src
COPY api/src api/src
COPY cli/src cli/src
COPY bench/src bench/src
RUN mvn -B -q package -DskipTests

# Runtime stage: a JRE only, without Maven or the sources.
FROM eclipse-temurin:17-jre

# curl is installed only for the health check, because the JRE image has neither curl nor wget.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

# A fixed non-root uid lets orchestrators that require runAsNonRoot check it; 10001 avoids the image's own uid 1000.
RUN groupadd --system --gid 10001 remedia \
    && useradd --system --uid 10001 --gid remedia --home-dir /app --no-create-home --shell /usr/sbin/nologin remedia

WORKDIR /app
# The jar stays owned by root so the running process cannot modify it.
COPY --from=build /build/api/target/remedia.jar /app/remedia.jar

USER remedia
EXPOSE 8080

# The shell form lets the check follow MICRONAUT_SERVER_PORT when it is overridden.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS "http://localhost:${MICRONAUT_SERVER_PORT:-8080}/health" > /dev/null || exit 1

ENTRYPOINT ["java", "-jar", "/app/remedia.jar"]
