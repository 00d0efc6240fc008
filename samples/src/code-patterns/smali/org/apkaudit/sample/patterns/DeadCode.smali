.class public final Lorg/apkaudit/sample/patterns/DeadCode;
.super Ljava/lang/Object;
.source "DeadCode.java"

# DEAD CODE: nothing in the app calls DeadCode.readAddressBook(). It would read
# the address book (ContactsContract.Contacts.CONTENT_URI), but no entry point
# (component, callback, thread) can reach it.


# direct methods
.method private constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method

.method public static readAddressBook(Landroid/content/Context;)I
    .registers 8

    invoke-virtual {p0}, Landroid/content/Context;->getContentResolver()Landroid/content/ContentResolver;

    move-result-object v0

    sget-object v1, Landroid/provider/ContactsContract$Contacts;->CONTENT_URI:Landroid/net/Uri;

    const/4 v2, 0x0

    const/4 v3, 0x0

    const/4 v4, 0x0

    const/4 v5, 0x0

    invoke-virtual/range {v0 .. v5}, Landroid/content/ContentResolver;->query(Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;

    move-result-object v0

    const/4 v1, 0x0

    if-eqz v0, :cond_done

    const/4 v1, 0x0

    :goto_loop_contacts
    invoke-interface {v0}, Landroid/database/Cursor;->moveToNext()Z

    move-result v2

    if-eqz v2, :cond_close_contacts

    const-string v2, "display_name"

    invoke-interface {v0, v2}, Landroid/database/Cursor;->getColumnIndex(Ljava/lang/String;)I

    move-result v2

    invoke-interface {v0, v2}, Landroid/database/Cursor;->getString(I)Ljava/lang/String;

    move-result-object v2

    if-eqz v2, :goto_loop_contacts

    add-int/lit8 v1, v1, 0x1

    goto :goto_loop_contacts

    :cond_close_contacts
    invoke-interface {v0}, Landroid/database/Cursor;->close()V

    :cond_done
    return v1
.end method
