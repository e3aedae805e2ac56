# Dashboard image (module dashboard). Lives here because the dashboard module is owned elsewhere.
# Build from the repo root:
#   docker build -f docker/dashboard.Dockerfile -t jvc-streaming/dashboard:1.0.0-SNAPSHOT .

FROM maven:3.9.11-eclipse-temurin-17 AS poms
WORKDIR /src
COPY . .
RUN find . -name pom.xml -not -path './pom.xml' -printf '%h\n' | sort > /tmp/modules \
 && mkdir -p /poms && cp pom.xml /poms/ \
 && while read -r d; do mkdir -p "/poms/$d" && cp "$d/pom.xml" "/poms/$d/"; done < /tmp/modules

FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY --from=poms /poms/ ./
RUN mvn -B -q -pl dashboard -am -DskipTests package \
 && rm -rf ./*/target
COPY . .
RUN mvn -B -pl dashboard -am -DskipTests package

FROM eclipse-temurin:17.0.16_8-jre-jammy
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin app
WORKDIR /opt/app
COPY --from=build --chown=root:root /src/dashboard/target/dashboard.jar /opt/app/dashboard.jar
# All interfaces: probes, the Service and compose's port mapping reach the container from outside its loopback.
# A non-loopback bind makes JVC_RESULTS_TOKEN mandatory (the dashboard refuses to start without it): the chart
# and compose pass it from a Secret, and the Spark jobs send it as "Authorization: Bearer <token>".
ENV JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    JVC_DASHBOARD_HOST=0.0.0.0 \
    JVC_DASHBOARD_PORT=8090
USER 10001:10001
EXPOSE 8090
ENTRYPOINT ["java", "-Djava.io.tmpdir=/tmp", "-Dvertx.cacheDirBase=/tmp/vertx-cache", "-jar", "/opt/app/dashboard.jar"]
