package org.haven.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One audited change of the directory: who, when, what, and the changed thing before and after as JSON. */
@Entity
@Table(name = "directory_audit")
public class DirectoryChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Instant changedAt;
    public String changedBy;
    public String action;
    public String subject;
    public String beforeJson;
    public String afterJson;
}
