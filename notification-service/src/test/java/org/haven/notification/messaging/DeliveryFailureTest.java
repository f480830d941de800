package org.haven.notification.messaging;

import io.vertx.ext.mail.SMTPException;
import org.haven.notification.domain.DeliveryChannel;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryFailureTest {

    private static final String ADDRESS = "ana-7@haven.example";

    @Test
    void aRejectedRecipientIsAPlainReasonForSupervisorsAndAnAddresslessDetailForTheLog() {
        SMTPException rejected = new SMTPException("5.1.1 <" + ADDRESS + ">: Recipient address rejected: mx7.relay.example (Postfix)", 550,
                List.of("5.1.1 <" + ADDRESS + ">: Recipient address rejected: mx7.relay.example (Postfix)"), false);

        DeliveryFailure failure = DeliveryFailure.of(new CompletionException(rejected), DeliveryChannel.EMAIL, ADDRESS);

        assertThat(failure.reason()).isEqualTo("the mail server refused the message");
        assertThat(failure.detail()).contains("Recipient address rejected").doesNotContain(ADDRESS, "@");
    }

    @Test
    void aServerThatIsDownOrSlowIsSaidSoWithoutItsOwnWords() {
        RuntimeException refused = new CompletionException(new ConnectException("Connection refused: smtp.internal.example/10.0.0.7:25"));

        assertThat(DeliveryFailure.of(refused, DeliveryChannel.EMAIL, ADDRESS).reason()).isEqualTo("the mail server could not be reached");
        assertThat(DeliveryFailure.of(new io.smallrye.mutiny.TimeoutException(), DeliveryChannel.EMAIL, ADDRESS).reason())
                .isEqualTo("the mail server did not answer in time");
        SMTPException busy = new SMTPException("4.7.0 try again later", 421, List.of("4.7.0 try again later"), false);
        assertThat(DeliveryFailure.of(new CompletionException(busy), DeliveryChannel.EMAIL, ADDRESS).reason())
                .isEqualTo("the mail server could not take the message for now");
    }

    @Test
    void aFailedTextNamesTheProviderAndNoPhoneNumber() {
        String phone = "+15550100042";
        RuntimeException failed = new IllegalStateException("the SMS provider answered 400 for " + phone + " (To +1 555 010 0043 invalid)");

        DeliveryFailure failure = DeliveryFailure.of(failed, DeliveryChannel.SMS, phone);

        assertThat(failure.reason()).isEqualTo("the SMS provider did not accept the message");
        assertThat(failure.detail()).contains("answered 400").doesNotContain(phone, "555 010 0043");
    }
}
