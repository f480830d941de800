// Adds another empty agreed-action row to the circle form.
document.addEventListener('DOMContentLoaded', () => {
  const add = document.getElementById('add-action');
  const actions = document.getElementById('actions');
  if (!add || !actions) {
    return;
  }
  add.addEventListener('click', () => {
    const row = actions.querySelector('.action-row').cloneNode(true);
    row.querySelectorAll('input, select').forEach(field => { field.value = ''; });
    actions.appendChild(row);
    row.querySelector('input').focus();
  });
});
