package org.haven.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Someone Haven can alert: a supervisor, an on-call backup, a program director. */
@Entity
public class Person extends PanacheEntityBase {

    @Id
    public String id;
    public String displayName;
    public String email;
    /** For SMS, in E.164 form (+15550100123); null when the person has no phone on record. */
    public String phone;
    /** A BCP 47 language tag ({@code en}, {@code es}, {@code pt-BR}); null when none is recorded. */
    public String preferredLanguage;
}
