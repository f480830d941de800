package org.haven.wellness;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Reads the wellness pages and posts their forms as a browser does: with the CSRF cookie and the form's token. */
final class Pages {

    static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private Pages() {
    }

    static String html(String token, String path) {
        return given().auth().oauth2(token).when().get(path).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/html")).extract().asString();
    }

    /** Opens {@code page}, then posts {@code fields} to {@code action} with the page's CSRF token; no redirects followed. */
    static Response post(String token, String page, String action, Map<String, ?> fields) {
        return open(token, page).post(action, fields);
    }

    /** A page as the browser holds it: its CSRF cookie and the token its forms carry. */
    static Opened open(String token, String page) {
        Response opened = given().auth().oauth2(token).when().get(page);
        opened.then().statusCode(200);
        Matcher field = CSRF_FIELD.matcher(opened.asString());
        assertThat(field.find()).as("the page's forms carry the CSRF token").isTrue();
        return new Opened(token, opened.getCookie("csrf-token"), field.group(1));
    }

    record Opened(String token, String cookie, String csrf) {

        Response post(String action, Map<String, ?> fields) {
            RequestSpecification request = given().auth().oauth2(token).redirects().follow(false)
                    .cookie("csrf-token", cookie)
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", csrf);
            fields.forEach(request::formParam);
            return request.when().post(action);
        }
    }
}
